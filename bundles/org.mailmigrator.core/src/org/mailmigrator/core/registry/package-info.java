/**
 * Reading extension points the product's way: lazily, first declaration of an id wins, broken declarations
 * skipped, logged and listed. Third-party bundles that define extension points of their own may use it too.
 */
package org.mailmigrator.core.registry;
