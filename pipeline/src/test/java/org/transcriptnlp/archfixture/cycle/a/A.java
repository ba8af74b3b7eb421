package org.transcriptnlp.archfixture.cycle.a;

import org.transcriptnlp.archfixture.cycle.b.B;

/** Uses {@link B}, which uses this class: a cycle between packages a and b. */
public final class A {
  B partner;
}
