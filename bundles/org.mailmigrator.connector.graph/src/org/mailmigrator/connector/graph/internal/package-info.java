/**
 * The Graph connector's parts: the HTTP client ({@link org.mailmigrator.connector.graph.internal.GraphHttp}: bearer
 * token, 401 renewed once, 429/503/504 with Retry-After waited out, {@code @odata.nextLink} paging), the mappings
 * iCalendar/vCard to and from Graph's event, contact and todoTask JSON (json-smart, the JSON library of the Nimbus
 * SDK already in the platform), the writer and the reader. Only this bundle and its tests ({@code x-friends}) use it.
 */
package org.mailmigrator.connector.graph.internal;
