package org.transcriptnlp.archfixture.upward.misc;

/** A class in a package that is no layer. */
public final class Stray {}
