package io.tagscan.rules;

import java.util.ArrayList;
import java.util.List;

/** Which dictionary keys apply to one resource type, and which of those are mandatory there. */
final class Scope {

  private final boolean[] inScope;
  final SpecInfo[] mandatory;

  private Scope(boolean[] inScope, SpecInfo[] mandatory) {
    this.inScope = inScope;
    this.mandatory = mandatory;
  }

  static Scope of(SpecInfo[] specs, String resourceType) {
    boolean[] inScope = new boolean[specs.length];
    List<SpecInfo> mandatory = new ArrayList<>();
    for (SpecInfo info : specs) {
      inScope[info.index] = info.spec.appliesTo(resourceType);
      if (inScope[info.index] && info.mandatory) {
        mandatory.add(info);
      }
    }
    return new Scope(inScope, mandatory.toArray(new SpecInfo[0]));
  }

  boolean contains(SpecInfo info) {
    return inScope[info.index];
  }
}
