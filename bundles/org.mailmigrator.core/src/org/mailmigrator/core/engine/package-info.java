/**
 * The mail migration engine: plans the folder mapping of an account pair, then copies every selected message
 * exactly once (a multiset per folder), with flags and arrival dates, incrementally and crash-safely.
 * Plain Java (no OSGi, no UI): the command line, the workbench and a bare JVM all run it the same way.
 */
package org.mailmigrator.core.engine;
