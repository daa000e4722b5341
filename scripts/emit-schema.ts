/**
 * Writes the served GraphQL schema to schema.gql (or the path given), sorted, without a database.
 * CI runs it and fails when the committed file differs.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { resolverClasses } from '../apps/api/src/graphql/declarations';

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'schema.gql';
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(resolverClasses());
  writeFileSync(out, printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
  process.stdout.write(`wrote ${out}\n`);
}

void main();
