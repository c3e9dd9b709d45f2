package io.tagscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import io.tagscan.model.SourceLocation;
import io.tagscan.model.Suppressed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SARIF 2.1.0 log for code-scanning tools (GitHub code scanning, Azure DevOps, SARIF viewers),
 * streamed: one run, a rule per tagscan rule with its help and default level, then a result per
 * finding as the resources pass, one per line.
 *
 * <p>Each result names its resource as a logical location (the ARN, kind {@code resource}) and
 * carries the account, region, resource type and tag key as properties. Since GitHub refuses a
 * location without a file, each also points at the line that decides it ({@link DictionaryPlaces}):
 * the entry of its key in the dictionary, the conventions, or the expired exemption. Its {@code
 * partialFingerprints} hold a hash of the finding's identity (ARN, rule, key: the one {@code report
 * diff} uses, never the line), so that readers track one finding across runs even when the
 * dictionary is edited and its lines move. A finding an exemption waived is a result too, with an
 * {@code external} suppression whose justification is the exemption's reason. Every text is first
 * made {@linkplain Escaping#visible visible} and then escaped as JSON, so no control or
 * bidirectional character reaches a reader's page.
 *
 * <p>For {@code tagscan check}, each result points instead at the file, line and column where its
 * resource is written (the artifact URI relative to the working directory), and its logical
 * location is the resource's Terraform address or CloudFormation logical id.
 */
final class SarifReportSink implements ReportSink {

  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/tagscan/tagscan";

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final Set<String> LINE_ARRAYS = Set.of("rules", "results");

  private final JsonGenerator json;
  private final Map<String, SourceLocation> locations;
  private String dictionaryUri;
  private DictionaryPlaces places;

  SarifReportSink(Writer out) {
    this(out, Map.of());
  }

  /** A log whose results point at where {@code locations} says each resource is written. */
  SarifReportSink(Writer out, Map<String, SourceLocation> locations) {
    this.locations = locations;
    try {
      json = FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.setPrettyPrinter(new LinePerResult());
    // No custom character escapes: every text is made visible first, so JSON's own escapes are
    // enough, and Jackson's plain string path is a fifth of this format's CPU time cheaper.
  }

  @Override
  public void begin(ReportContext context) throws IOException {
    ScanInfo info = context.info();
    dictionaryUri = relativeUri(info.dictionaryPath());
    places = new DictionaryPlaces(context.dictionary(), dictionaryUri);
    json.writeStartObject();
    json.writeStringField("$schema", SCHEMA_URI);
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "tagscan");
    json.writeStringField("version", context.toolVersion());
    json.writeStringField("informationUri", INFORMATION_URI);
    json.writeArrayFieldStart("rules");
    for (RuleId rule : RuleId.values()) {
      writeRule(rule);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    writeInvocation(context);
    json.writeArrayFieldStart("results");
  }

  private void writeRule(RuleId rule) throws IOException {
    RuleHelp.Text help = RuleHelp.of(rule);
    json.writeStartObject();
    json.writeStringField("id", rule.slug());
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", help.shortDescription());
    json.writeEndObject();
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField("text", help.fullDescription());
    json.writeEndObject();
    json.writeObjectFieldStart("help");
    json.writeStringField("text", help.fullDescription());
    json.writeEndObject();
    json.writeStringField("helpUri", INFORMATION_URI + "#rules");
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(rule.defaultSeverity()));
    json.writeEndObject();
    json.writeEndObject();
  }

  /** When the scan ran, whether it read everything, and each part it could not read. */
  private void writeInvocation(ReportContext context) throws IOException {
    ScanInfo info = context.info();
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    json.writeBooleanField("executionSuccessful", info.complete());
    json.writeStringField("startTimeUtc", DateTimeFormatter.ISO_INSTANT.format(info.startedAt()));
    json.writeStringField("endTimeUtc", DateTimeFormatter.ISO_INSTANT.format(info.finishedAt()));
    if (!context.errors().isEmpty()) {
      json.writeArrayFieldStart("toolExecutionNotifications");
      for (ScanError error : context.errors()) {
        json.writeStartObject();
        json.writeStringField("level", "error");
        json.writeObjectFieldStart("message");
        json.writeStringField(
            "text",
            text(
                error.operation()
                    + " failed in account "
                    + (error.accountId().isEmpty() ? "(none)" : error.accountId())
                    + (error.region().isEmpty() ? "" : ", region " + error.region())
                    + ": "
                    + error.code()
                    + ": "
                    + error.message()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("accountId", Escaping.visible(error.accountId()));
        json.writeStringField("region", Escaping.visible(error.region()));
        json.writeStringField("operation", Escaping.visible(error.operation()));
        json.writeStringField("code", Escaping.visible(error.code()));
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
  }

  @Override
  public void resource(CheckedResource checked) throws IOException {
    Map<String, String> spellings = DictionaryPlaces.spellings(checked.findings());
    if (!checked.suppressed().isEmpty()) {
      List<Finding> all = new ArrayList<>(checked.findings());
      checked.suppressed().forEach(waived -> all.add(waived.finding()));
      spellings = DictionaryPlaces.spellings(all);
    }
    for (Finding finding : checked.findings()) {
      writeResult(checked.resource(), finding, null, spellings);
    }
    for (Suppressed waived : checked.suppressed()) {
      writeResult(checked.resource(), waived.finding(), waived, spellings);
    }
  }

  // ruleIndex is the rule's place in tool.driver.rules, which lists RuleId.values() in order.
  @SuppressWarnings("EnumOrdinal")
  private void writeResult(
      Resource resource, Finding finding, Suppressed waived, Map<String, String> spellings)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.rule().slug());
    json.writeNumberField("ruleIndex", finding.rule().ordinal());
    json.writeStringField("level", level(finding.severity()));
    json.writeObjectFieldStart("message");
    json.writeStringField(
        "text", text(finding.message() + (finding.fix() == null ? "" : ". Fix: " + finding.fix())));
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    SourceLocation source = locations.get(resource.arn());
    DictionaryPlaces.Place place =
        source == null
            ? places.of(finding, spellings)
            : new DictionaryPlaces.Place(
                relativeUri(fromWorkingDirectory(source.file())),
                Math.max(1, source.line()),
                source.column());
    json.writeStringField("uri", place.uri());
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", place.line());
    if (place.column() > 0) {
      json.writeNumberField("startColumn", place.column());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("fullyQualifiedName", Escaping.visible(resource.arn()));
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    if (waived != null) {
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField("kind", "external");
      json.writeStringField("status", "accepted");
      json.writeStringField("justification", text(waived.reason()));
      if (!waived.exemption().isEmpty()) {
        json.writeObjectFieldStart("properties");
        json.writeStringField("exemption", Escaping.visible(waived.exemption()));
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("tagscanFinding/v1", fingerprint(resource, finding));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("accountId", Escaping.visible(resource.accountId()));
    json.writeStringField("region", Escaping.visible(resource.region()));
    json.writeStringField("resourceType", Escaping.visible(resource.resourceType()));
    if (finding.key() != null) {
      json.writeStringField("tagKey", Escaping.visible(finding.key()));
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** SARIF's level for a severity: {@code error}, {@code warning}, or {@code note} for info. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * Plain message text: invisible characters made visible, and the backslash and square brackets
   * escaped, since SARIF readers take {@code [text](id)} for an embedded link.
   */
  static String text(String message) {
    String visible = Escaping.visible(message);
    StringBuilder out = new StringBuilder(visible.length() + 8);
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      if (c == '\\' || c == '[' || c == ']') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The finding's identity (ARN, rule, key) hashed, the same in every run that finds it. */
  private static String fingerprint(Resource resource, Finding finding) {
    String identity =
        resource.arn()
            + '\0'
            + finding.rule().slug()
            + '\0'
            + (finding.key() == null ? "" : finding.key());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** An absolute path under the working directory as relative to it; any other path as given. */
  static String fromWorkingDirectory(String file) {
    java.nio.file.Path path = java.nio.file.Paths.get(file);
    if (!path.isAbsolute()) {
      return file;
    }
    java.nio.file.Path here = java.nio.file.Paths.get("").toAbsolutePath();
    return path.normalize().startsWith(here) ? here.relativize(path.normalize()).toString() : file;
  }

  /**
   * The dictionary's path as a relative URI reference (each character a URI cannot hold
   * percent-encoded), so that a reader resolves it against the repository it checked out.
   */
  static String relativeUri(String path) {
    String file = path == null || path.isEmpty() ? "tag-dictionary.yaml" : path.replace('\\', '/');
    // A colon in the first segment would read as a scheme.
    int colon = file.indexOf(':');
    int slash = file.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      file = "./" + file;
    }
    try {
      return new URI(null, null, file, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a path no URI can hold: " + e.getMessage(), e);
    }
  }

  @Override
  public void end() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
    json.close();
  }

  /** Compact output with each rule and each result on its own line. */
  private static final class LinePerResult extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (inLineArray(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(inLineArray(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(values > 0 && inLineArray(g) ? "\n]" : "]");
    }

    private static boolean inLineArray(JsonGenerator g) {
      var context = g.getOutputContext();
      return context.inArray()
          && context.getParent() != null
          && LINE_ARRAYS.contains(context.getParent().getCurrentName());
    }
  }
}
