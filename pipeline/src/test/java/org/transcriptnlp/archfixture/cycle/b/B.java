package org.transcriptnlp.archfixture.cycle.b;

import org.transcriptnlp.archfixture.cycle.a.A;

/** Uses {@link A}, which uses this class: a cycle between packages a and b. */
public final class B {
  A partner;
}
