package io.tagscan.inventory.iac;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The tagscan resource type of each infrastructure-as-code type ({@code aws_sagemaker_endpoint},
 * {@code awscc_sagemaker_endpoint} and {@code AWS::SageMaker::Endpoint} are {@code
 * sagemaker:endpoint}), read from the table {@code iac-types.tsv} kept beside this class.
 */
public final class IacTypes {

  private static final Map<String, String> TYPES = load();

  private IacTypes() {}

  /** The tagscan type of an IaC type, or null when the table does not name it. */
  public static String of(String iacType) {
    return TYPES.get(iacType);
  }

  /** Every IaC type of the table with its tagscan type. */
  public static Map<String, String> all() {
    return TYPES;
  }

  private static Map<String, String> load() {
    Map<String, String> types = new HashMap<>();
    try (InputStream in = IacTypes.class.getResourceAsStream("iac-types.tsv")) {
      if (in == null) {
        throw new IllegalStateException("iac-types.tsv is missing from the build");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 2 || types.put(columns[0], columns[1]) != null) {
          throw new IllegalStateException("iac-types.tsv: bad or repeated line: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(types);
  }
}
