package io.tagscan.inventory.iac;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.PlannedResource;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.Source;
import io.tagscan.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The resources of a CloudFormation or SAM template and the tags each will carry: its {@code
 * Properties.Tags} (a list of {@code {Key, Value}}, or a map for the types that take one, such as
 * SAM's {@code AWS::Serverless::*} and {@code AWS::SSM::Parameter}), over SAM's {@code Globals} for
 * its kind, over the stack-level tags CloudFormation propagates. A value written as an intrinsic
 * function ({@code !Ref}, {@code Fn::Sub}, …) is known only at deploy time; a {@code Tags} or an
 * entry that is itself one may add tags then too.
 */
final class TemplateReader {

  private final String file;
  private final SortedMap<String, String> stackTags;

  private TemplateReader(String file, SortedMap<String, String> stackTags) {
    this.file = file;
    this.stackTags = stackTags;
  }

  /** The template's resources; {@code root} is the whole document. */
  static IacFile read(String file, Value.Mapping root, SortedMap<String, String> stackTags) {
    return new TemplateReader(file, stackTags).resources(root);
  }

  private IacFile resources(Value.Mapping root) {
    Value resourcesValue = root.get("Resources");
    if (!(resourcesValue instanceof Value.Mapping resources)) {
      throw problem(
          resourcesValue == null ? root : resourcesValue,
          "'Resources' must be a mapping of logical ids to resources");
    }
    Value.Mapping globals = mapping(root.get("Globals"));
    List<PlannedResource> out = new ArrayList<>();
    SortedSet<String> unmapped = new TreeSet<>();
    SortedSet<String> untaggableTypes = new TreeSet<>();
    int untaggable = 0;
    for (Value.Entry entry : resources.entries().values()) {
      if (!(entry.value() instanceof Value.Mapping resource)) {
        throw problem(entry.value(), "resource " + quote(entry.key()) + " must be a mapping");
      }
      if (!(resource.get("Type") instanceof Value.Scalar typeValue) || typeValue.text() == null) {
        throw problem(resource, "resource " + quote(entry.key()) + " has no 'Type'");
      }
      String type = typeValue.text();
      Value.Mapping properties = mapping(resource.get("Properties"));
      Value.Entry tagsEntry = properties == null ? null : properties.entries().get("Tags");
      String mapped = IacTypes.of(type);
      if (mapped == null && tagsEntry == null) {
        untaggable++;
        untaggableTypes.add(type);
        continue;
      }
      if (mapped == null) {
        unmapped.add(type);
      }
      Tags tags = new Tags();
      stackTags.forEach(tags::known);
      if (type.startsWith("AWS::Serverless::") && globals != null) {
        Value.Mapping kind = mapping(globals.get(type.substring("AWS::Serverless::".length())));
        if (kind != null && kind.get("Tags") != null) {
          readTags(kind.get("Tags"), tags);
        }
      }
      if (tagsEntry != null) {
        readTags(tagsEntry.value(), tags);
      }
      SourceLocation location =
          tagsEntry != null
              ? new SourceLocation(file, tagsEntry.line(), tagsEntry.column())
              : new SourceLocation(file, entry.line(), entry.column());
      out.add(
          new PlannedResource(
              new Resource(
                  entry.key(),
                  "",
                  "",
                  mapped == null ? PlannedResource.UNMAPPED_TYPE : mapped,
                  Source.CLOUDFORMATION,
                  tags.values),
              type,
              mapped != null,
              tags.unknown,
              tags.moreUnknown,
              location));
    }
    return new IacFile(IacFile.Kind.CLOUDFORMATION, out, unmapped, untaggableTypes, untaggable);
  }

  /** Tags as they build up: later sources override earlier ones, key by key. */
  private static final class Tags {
    final SortedMap<String, String> values = new TreeMap<>();
    final Set<String> unknown = new HashSet<>();
    boolean moreUnknown;

    void known(String key, String value) {
      values.put(key, value);
      unknown.remove(key);
    }

    void unknown(String key) {
      values.put(key, "");
      unknown.add(key);
    }
  }

  private void readTags(Value value, Tags tags) {
    if (Value.function(value) != null) {
      tags.moreUnknown = true;
      return;
    }
    if (value instanceof Value.Sequence list) {
      Set<String> seen = new HashSet<>();
      for (Value item : list.items()) {
        readListTag(item, tags, seen);
      }
    } else if (value instanceof Value.Mapping map) {
      for (Value.Entry entry : map.entries().values()) {
        put(tags, entry.key(), entry.value());
      }
    } else if (!(value instanceof Value.Scalar scalar && scalar.text() == null)) {
      throw problem(value, "'Tags' must be a list of {Key, Value} or a mapping of keys to values");
    }
  }

  private void readListTag(Value item, Tags tags, Set<String> seen) {
    if (Value.function(item) != null) {
      // Such as !If [cond, {Key: …, Value: …}, !Ref AWS::NoValue]: a tag known only at deploy.
      tags.moreUnknown = true;
      return;
    }
    if (!(item instanceof Value.Mapping pair)) {
      throw problem(item, "a tag in 'Tags' must be a mapping with 'Key' and 'Value'");
    }
    Value key = pair.get("Key");
    if (key == null) {
      throw problem(pair, "a tag in 'Tags' has no 'Key'");
    }
    if (Value.function(key) != null) {
      tags.moreUnknown = true;
      return;
    }
    if (!(key instanceof Value.Scalar keyText) || keyText.text() == null) {
      throw problem(key, "a tag's 'Key' must be text");
    }
    if (!seen.add(keyText.text())) {
      throw problem(
          key,
          "the tag key "
              + quote(keyText.text())
              + " is given twice in this 'Tags'; CloudFormation refuses that");
    }
    Value value = pair.get("Value");
    put(tags, keyText.text(), value);
  }

  private void put(Tags tags, String key, Value value) {
    if (value == null || Value.function(value) != null) {
      if (value == null) {
        tags.known(key, "");
      } else {
        tags.unknown(key);
      }
      return;
    }
    if (!(value instanceof Value.Scalar scalar)) {
      throw problem(value, "the value of the tag " + quote(key) + " must be text");
    }
    tags.known(key, scalar.text() == null ? "" : scalar.text());
  }

  private static Value.Mapping mapping(Value value) {
    return value instanceof Value.Mapping mapping && mapping.longFormFunction() == null
        ? mapping
        : null;
  }

  private InputException problem(Value at, String message) {
    return InputException.of(new Diagnostic(file, at.line(), at.column(), message));
  }

  private static String quote(String text) {
    return "'" + Printable.of(text) + "'";
  }
}
