#!/usr/bin/env node
// Prints a connection URL to a fresh, empty test database on the local PostgreSQL, or exits 1
// when none answers. Tests create their own schemas inside it.
import pg from 'pg'

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const database = process.env.PG_TEST_DATABASE ?? 'bangban_test'
const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 })
try {
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  await client.query(`CREATE DATABASE ${database}`)
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  console.log(url.toString())
} catch (error) {
  console.error(`no PostgreSQL for tests: ${error.message}`)
  process.exitCode = 1
} finally {
  await client.end().catch(() => {})
}
