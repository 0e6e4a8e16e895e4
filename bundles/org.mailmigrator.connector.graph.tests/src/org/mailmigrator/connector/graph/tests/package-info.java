/**
 * Tests of the Microsoft Graph connector against {@link org.mailmigrator.connector.graph.tests.GraphFake}, a Graph
 * protocol fake (Exchange Online has no open server), Radicale and, for the app-only sign-in, the test
 * authorization server and Dovecot's oauth2 passdb.
 */
package org.mailmigrator.connector.graph.tests;
