package org.mailmigrator.batch.tests;

final class Placeholder {
}
