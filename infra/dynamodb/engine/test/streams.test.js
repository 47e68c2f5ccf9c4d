'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const {
  CreateTableCommand, DescribeTableCommand, PutItemCommand, UpdateItemCommand, DeleteItemCommand,
  BatchWriteItemCommand, TransactWriteItemsCommand, UpdateTableCommand, DeleteTableCommand,
} = require('@aws-sdk/client-dynamodb')
const {
  ListStreamsCommand, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand,
} = require('@aws-sdk/client-dynamodb-streams')
const { engine, tableRequest } = require('./helpers')

const S = s => ({ S: s })
const N = n => ({ N: String(n) })

async function readAll (e, arn, type = 'TRIM_HORIZON', extra = {}) {
  const shard = (await e.streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription.Shards[0]
  let iterator = (await e.streams.send(new GetShardIteratorCommand({
    StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: type, ...extra,
  }))).ShardIterator
  const records = []
  for (;;) {
    const page = await e.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 2 }))
    records.push(...page.Records)
    if (!page.Records.length) return { records, iterator: page.NextShardIterator }
    iterator = page.NextShardIterator
  }
}

test('DynamoDB Streams', async t => {
  const e = await engine()
  t.after(() => e.close())
  const created = await e.ddb.send(new CreateTableCommand(tableRequest('Events', {
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  })))
  const arn = created.TableDescription.LatestStreamArn
  await e.ddb.send(new CreateTableCommand(tableRequest('Keys', {
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  })))
  await e.ddb.send(new CreateTableCommand(tableRequest('Quiet')))

  await t.test('CreateTable and DescribeTable show the stream; ListStreams and DescribeStream find it', async () => {
    assert.match(arn, /^arn:aws:dynamodb:us-east-1:\d{12}:table\/Events\/stream\/\d{4}-\d\d-\d\dT/)
    const table = (await e.ddb.send(new DescribeTableCommand({ TableName: 'Events' }))).Table
    assert.equal(table.LatestStreamArn, arn)
    assert.deepEqual(table.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' })
    assert.equal(table.LatestStreamLabel, arn.split('/stream/')[1])
    const listed = await e.streams.send(new ListStreamsCommand({ TableName: 'Events' }))
    assert.deepEqual(listed.Streams, [ { StreamArn: arn, TableName: 'Events', StreamLabel: table.LatestStreamLabel } ])
    assert.equal((await e.streams.send(new ListStreamsCommand({}))).Streams.length, 2)
    const description = (await e.streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription
    assert.equal(description.StreamStatus, 'ENABLED')
    assert.equal(description.StreamViewType, 'NEW_AND_OLD_IMAGES')
    assert.equal(description.TableName, 'Events')
    assert.equal(description.Shards.length, 1)
  })

  await t.test('one record per changed item, in commit order, none for writes that change nothing', async () => {
    const item = { pk: S('a'), n: N(1) }
    await e.ddb.send(new PutItemCommand({ TableName: 'Events', Item: item }))
    await e.ddb.send(new PutItemCommand({ TableName: 'Events', Item: item })) // same item again: no record
    await e.ddb.send(new UpdateItemCommand({ TableName: 'Events', Key: { pk: S('a') }, UpdateExpression: 'SET n = :two', ExpressionAttributeValues: { ':two': N(2) } }))
    await e.ddb.send(new DeleteItemCommand({ TableName: 'Events', Key: { pk: S('nothing') } })) // nothing to delete
    await e.ddb.send(new PutItemCommand({ TableName: 'Events', Item: { pk: S('a'), n: N(1) }, ConditionExpression: 'n = :zero', ExpressionAttributeValues: { ':zero': N(0) } })).catch(() => {})
    await e.ddb.send(new BatchWriteItemCommand({ RequestItems: { Events: [ { PutRequest: { Item: { pk: S('b') } } } ] } }))
    await e.ddb.send(new TransactWriteItemsCommand({ TransactItems: [
      { Delete: { TableName: 'Events', Key: { pk: S('a') } } },
      { Put: { TableName: 'Events', Item: { pk: S('c') } } },
      { Put: { TableName: 'Keys', Item: { pk: S('k'), secret: S('x') } } },
    ] }))
    await e.ddb.send(new PutItemCommand({ TableName: 'Quiet', Item: { pk: S('q') } }))

    const { records } = await readAll(e, arn)
    assert.deepEqual(records.map(r => [ r.eventName, r.dynamodb.Keys.pk.S ]),
      [ [ 'INSERT', 'a' ], [ 'MODIFY', 'a' ], [ 'INSERT', 'b' ], [ 'REMOVE', 'a' ], [ 'INSERT', 'c' ] ])
    const sequence = records.map(r => BigInt(r.dynamodb.SequenceNumber))
    assert.deepEqual([ ...sequence ].sort((x, y) => (x < y ? -1 : 1)), sequence)
    assert.equal(new Set(records.map(r => r.eventID)).size, records.length)
    const modify = records[1]
    assert.deepEqual(modify.dynamodb.OldImage, { pk: S('a'), n: N(1) })
    assert.deepEqual(modify.dynamodb.NewImage, { pk: S('a'), n: N(2) })
    assert.equal(modify.dynamodb.StreamViewType, 'NEW_AND_OLD_IMAGES')
    assert.ok(modify.dynamodb.SizeBytes > 0)
    assert.ok(modify.dynamodb.ApproximateCreationDateTime instanceof Date)
    assert.equal(modify.eventSource, 'aws:dynamodb')
    assert.equal(modify.eventVersion, '1.1')
    assert.equal(records[3].dynamodb.NewImage, undefined)
    assert.equal(records[3].userIdentity, undefined)

    const keysArn = (await e.ddb.send(new DescribeTableCommand({ TableName: 'Keys' }))).Table.LatestStreamArn
    const keysOnly = (await readAll(e, keysArn)).records
    assert.equal(keysOnly.length, 1)
    assert.deepEqual(keysOnly[0].dynamodb.Keys, { pk: S('k') })
    assert.equal(keysOnly[0].dynamodb.NewImage, undefined)
  })

  await t.test('iterators: AT_ and AFTER_SEQUENCE_NUMBER, LATEST, and an open shard keeps its iterator', async () => {
    const { records, iterator } = await readAll(e, arn)
    const second = records[1].dynamodb.SequenceNumber
    assert.deepEqual((await readAll(e, arn, 'AT_SEQUENCE_NUMBER', { SequenceNumber: second })).records.map(r => r.eventID),
      records.slice(1).map(r => r.eventID))
    assert.deepEqual((await readAll(e, arn, 'AFTER_SEQUENCE_NUMBER', { SequenceNumber: second })).records.map(r => r.eventID),
      records.slice(2).map(r => r.eventID))
    const latest = await readAll(e, arn, 'LATEST')
    assert.equal(latest.records.length, 0)
    await e.ddb.send(new PutItemCommand({ TableName: 'Events', Item: { pk: S('d') } }))
    for (const it of [ latest.iterator, iterator ]) {
      const page = await e.streams.send(new GetRecordsCommand({ ShardIterator: it }))
      assert.deepEqual(page.Records.map(r => r.dynamodb.Keys.pk.S), [ 'd' ])
    }
  })

  await t.test('disabling the stream closes its shard; enabling again starts a new stream', async () => {
    await e.ddb.send(new UpdateTableCommand({ TableName: 'Events', StreamSpecification: { StreamEnabled: false } }))
    const closed = (await e.streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription
    assert.equal(closed.StreamStatus, 'DISABLED')
    assert.ok(closed.Shards[0].SequenceNumberRange.EndingSequenceNumber)
    await e.ddb.send(new PutItemCommand({ TableName: 'Events', Item: { pk: S('e') } }))
    const { records, iterator } = await readAll(e, arn)
    assert.equal(records.length, 6)
    assert.equal(iterator, undefined)
    const updated = await e.ddb.send(new UpdateTableCommand({ TableName: 'Events', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }))
    assert.notEqual(updated.TableDescription.LatestStreamArn, arn)
    await e.ddb.send(new PutItemCommand({ TableName: 'Events', Item: { pk: S('f') } }))
    const fresh = (await readAll(e, updated.TableDescription.LatestStreamArn)).records
    assert.deepEqual(fresh.map(r => [ r.eventName, r.dynamodb.Keys.pk.S, r.dynamodb.OldImage ]), [ [ 'INSERT', 'f', undefined ] ])
  })
})

test('stream records are kept 24 hours', async t => {
  const e = await engine()
  t.after(() => e.close())
  const created = await e.ddb.send(new CreateTableCommand(tableRequest('Kept', {
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  })))
  await e.ddb.send(new PutItemCommand({ TableName: 'Kept', Item: { pk: S('a') } }))
  await e.sweep(Date.now() + 23 * 3600 * 1000)
  assert.equal((await readAll(e, created.TableDescription.LatestStreamArn)).records.length, 1)
  await e.sweep(Date.now() + 25 * 3600 * 1000)
  assert.equal((await readAll(e, created.TableDescription.LatestStreamArn)).records.length, 0)
})

test('a table deleted and created again at once gets a new, empty stream', async t => {
  const e = await engine()
  t.after(() => e.close())
  const request = tableRequest('Again', { StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } })
  const first = (await e.ddb.send(new CreateTableCommand(request))).TableDescription.LatestStreamArn
  await e.ddb.send(new PutItemCommand({ TableName: 'Again', Item: { pk: S('a') } }))
  await e.ddb.send(new DeleteTableCommand({ TableName: 'Again' }))
  const second = (await e.ddb.send(new CreateTableCommand(request))).TableDescription.LatestStreamArn
  assert.notEqual(second, first)
  assert.equal((await readAll(e, second)).records.length, 0)
  const old = (await e.streams.send(new DescribeStreamCommand({ StreamArn: first }))).StreamDescription
  assert.equal(old.StreamStatus, 'DISABLED')
  assert.equal((await readAll(e, first)).records.length, 1)
})

test('Streams API errors', async t => {
  const e = await engine()
  t.after(() => e.close())
  const arn = (await e.ddb.send(new CreateTableCommand(tableRequest('Errs', {
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  })))).TableDescription.LatestStreamArn
  const shardId = (await e.streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription.Shards[0].ShardId
  const failure = command => e.streams.send(command).then(() => null, err => err.name)
  assert.equal(await failure(new DescribeStreamCommand({ StreamArn: arn + 'x' })), 'ResourceNotFoundException')
  assert.equal(await failure(new GetShardIteratorCommand({ StreamArn: arn, ShardId: 'shardId-nope', ShardIteratorType: 'LATEST' })), 'ResourceNotFoundException')
  assert.equal(await failure(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER' })), 'ValidationException')
  assert.equal(await failure(new GetRecordsCommand({ ShardIterator: 'not-an-iterator' })), 'ValidationException')
  const invalidSpec = await e.ddb.send(new CreateTableCommand(tableRequest('Errs2', {
    StreamSpecification: { StreamEnabled: true },
  }))).then(() => null, err => err.name)
  assert.equal(invalidSpec, 'ValidationException')
})
