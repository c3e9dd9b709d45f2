package io.tagscan.inventory.iac;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.PlannedResource;
import io.tagscan.model.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads a file of infrastructure as code, telling its kind from its content: JSON holding {@code
 * resource_changes} (or Terraform's {@code format_version}) is a Terraform plan, streamed; JSON or
 * YAML holding {@code Resources} is a CloudFormation or SAM template. Anything else, or a file
 * broken as JSON or YAML, is bad input naming the file and the place.
 */
public final class IacReader {

  /** The largest YAML template read: CloudFormation takes templates of at most 1 MB. */
  static final int MAX_YAML_BYTES = 16 << 20;

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

  private IacReader() {}

  /**
   * The resources of one file; {@code stackTags} go on every resource of a template.
   *
   * @throws InputException when the file cannot be read or is neither kind
   */
  public static IacFile read(Path path, SortedMap<String, String> stackTags) {
    String file = path.toString();
    try {
      if (Files.isDirectory(path)) {
        throw InputException.of(Diagnostic.ofFile(file, "this is a directory, not a file"));
      }
      if (startsAsJson(path)) {
        return readJson(file, path, stackTags);
      }
      return readYaml(file, path, stackTags);
    } catch (NoSuchFileException e) {
      throw InputException.of(Diagnostic.ofFile(file, "no such file"));
    } catch (AccessDeniedException e) {
      throw InputException.of(Diagnostic.ofFile(file, "cannot read the file: permission denied"));
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      int end = message.indexOf('\n');
      throw InputException.of(
          new Diagnostic(
              file,
              e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr()),
              e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr()),
              "invalid JSON: " + Printable.of(end < 0 ? message : message.substring(0, end))));
    } catch (IOException e) {
      throw InputException.of(
          Diagnostic.ofFile(
              file, "cannot read the file: " + Printable.of(String.valueOf(e.getMessage()))));
    }
  }

  private static boolean startsAsJson(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(4096);
      int i = head.length >= 3 && (head[0] & 0xff) == 0xef ? 3 : 0;
      while (i < head.length && Character.isWhitespace(head[i])) {
        i++;
      }
      return i < head.length && head[i] == '{';
    }
  }

  private static IacFile readJson(String file, Path path, SortedMap<String, String> stackTags)
      throws IOException {
    List<PlannedResource> planned = new ArrayList<>();
    SortedSet<String> unmapped = new TreeSet<>();
    PlanReader plan = new PlanReader(file, MAPPER, planned, unmapped);
    boolean isPlan = false;
    Map<String, Value.Entry> template = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(path.toFile())) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        int line = parser.currentTokenLocation().getLineNr();
        int column = parser.currentTokenLocation().getColumnNr();
        parser.nextToken();
        switch (field) {
          case "resource_changes" -> {
            isPlan = true;
            plan.readChanges(parser);
          }
          case "format_version", "terraform_version" -> {
            isPlan = true;
            parser.skipChildren();
          }
          case "Resources", "Globals", "AWSTemplateFormatVersion", "Transform" ->
              template.put(
                  field, new Value.Entry(field, line, column, JsonTree.read(file, parser)));
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw InputException.of(
            new Diagnostic(
                file,
                parser.currentTokenLocation().getLineNr(),
                parser.currentTokenLocation().getColumnNr(),
                "invalid JSON: text after the end of the document"));
      }
    }
    if (isPlan) {
      return new IacFile(IacFile.Kind.TERRAFORM_PLAN, planned, unmapped, new TreeSet<>(), 0);
    }
    if (template.containsKey("Resources")) {
      return TemplateReader.read(file, new Value.Mapping(template, 1, 1), stackTags);
    }
    throw neither(file);
  }

  private static IacFile readYaml(String file, Path path, SortedMap<String, String> stackTags)
      throws IOException {
    if (Files.size(path) > MAX_YAML_BYTES) {
      throw InputException.of(
          Diagnostic.ofFile(file, "the file is larger than 16 MiB, which no template is"));
    }
    byte[] bytes = Files.readAllBytes(path);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw InputException.of(Diagnostic.ofFile(file, "the file is not UTF-8 text"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Value root = YamlTree.read(file, text, MAX_YAML_BYTES);
    if (root instanceof Value.Mapping mapping && mapping.get("Resources") != null) {
      return TemplateReader.read(file, mapping, stackTags);
    }
    throw neither(file);
  }

  private static InputException neither(String file) {
    return InputException.of(
        new Diagnostic(
            file,
            1,
            1,
            "neither a Terraform plan in JSON ('terraform show -json plan.out' output, with"
                + " 'resource_changes') nor a CloudFormation template (with 'Resources')"));
  }
}
