/**
 * Fixtures for {@code ArchitectureTest}: tiny classes that break the package rules on purpose (a
 * cycle, upward imports, forbidden libraries), to show that the rules report them. Test code only;
 * the rules over the real code import main classes only, so these are never part of that check.
 */
package org.transcriptnlp.archfixture;
