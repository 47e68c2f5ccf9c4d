'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const {
  CreateTableCommand, PutItemCommand, GetItemCommand, UpdateTimeToLiveCommand, DescribeTimeToLiveCommand,
  DescribeTableCommand, DeleteTableCommand,
} = require('@aws-sdk/client-dynamodb')
const { DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand } = require('@aws-sdk/client-dynamodb-streams')
const { engine, tableRequest } = require('./helpers')

const S = s => ({ S: s })
const N = n => ({ N: String(n) })

test('time to live', async t => {
  const e = await engine()
  t.after(() => e.close())
  await e.ddb.send(new CreateTableCommand(tableRequest('Sessions', {
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'OLD_IMAGE' },
  })))

  await t.test('UpdateTimeToLive and DescribeTimeToLive', async () => {
    const before = await e.ddb.send(new DescribeTimeToLiveCommand({ TableName: 'Sessions' }))
    assert.deepEqual(before.TimeToLiveDescription, { TimeToLiveStatus: 'DISABLED' })
    const updated = await e.ddb.send(new UpdateTimeToLiveCommand({
      TableName: 'Sessions', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
    }))
    assert.deepEqual(updated.TimeToLiveSpecification, { Enabled: true, AttributeName: 'expiresAt' })
    const after = await e.ddb.send(new DescribeTimeToLiveCommand({ TableName: 'Sessions' }))
    assert.deepEqual(after.TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' })
    const again = await e.ddb.send(new UpdateTimeToLiveCommand({
      TableName: 'Sessions', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
    })).catch(x => x)
    assert.equal(again.name, 'ValidationException')
    const missing = await e.ddb.send(new DescribeTimeToLiveCommand({ TableName: 'Nowhere' })).catch(x => x)
    assert.equal(missing.name, 'ResourceNotFoundException')
  })

  await t.test('expired items are removed by the service and show up as REMOVE records', async () => {
    const now = Math.floor(Date.now() / 1000)
    await e.ddb.send(new PutItemCommand({ TableName: 'Sessions', Item: { pk: S('old'), expiresAt: N(now - 60) } }))
    await e.ddb.send(new PutItemCommand({ TableName: 'Sessions', Item: { pk: S('new'), expiresAt: N(now + 3600) } }))
    await e.ddb.send(new PutItemCommand({ TableName: 'Sessions', Item: { pk: S('text'), expiresAt: S('yesterday') } }))
    await e.ddb.send(new PutItemCommand({ TableName: 'Sessions', Item: { pk: S('ancient'), expiresAt: N(now - 6 * 365 * 86400) } }))
    await e.sweep()
    const get = async pk => (await e.ddb.send(new GetItemCommand({ TableName: 'Sessions', Key: { pk: S(pk) } }))).Item
    assert.equal(await get('old'), undefined)
    assert.ok(await get('new'))
    assert.ok(await get('text'))
    assert.ok(await get('ancient'))

    const arn = (await e.ddb.send(new DescribeTableCommand({ TableName: 'Sessions' }))).Table.LatestStreamArn
    const shard = (await e.streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription.Shards[0]
    const iterator = (await e.streams.send(new GetShardIteratorCommand({
      StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON',
    }))).ShardIterator
    const records = (await e.streams.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records
    const removed = records.filter(r => r.eventName === 'REMOVE')
    assert.equal(removed.length, 1)
    assert.deepEqual(removed[0].dynamodb.Keys, { pk: S('old') })
    assert.deepEqual(removed[0].dynamodb.OldImage, { pk: S('old'), expiresAt: N(now - 60) })
    assert.deepEqual(removed[0].userIdentity, { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' })
    assert.ok(records.filter(r => r.eventName === 'INSERT').every(r => r.userIdentity === undefined))
  })

  await t.test('the sweep also runs on its own timer', { timeout: 20000 }, async () => {
    const timed = await engine({ ttlIntervalMs: 20 })
    t.after(() => timed.close())
    await timed.ddb.send(new CreateTableCommand(tableRequest('Short')))
    await timed.ddb.send(new UpdateTimeToLiveCommand({ TableName: 'Short', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } }))
    await timed.ddb.send(new PutItemCommand({ TableName: 'Short', Item: { pk: S('x'), ttl: N(Math.floor(Date.now() / 1000) - 1) } }))
    let item = {}
    while (item) {
      await new Promise(resolve => setTimeout(resolve, 20))
      item = (await timed.ddb.send(new GetItemCommand({ TableName: 'Short', Key: { pk: S('x') } }))).Item
    }
  })
})

test('a table deleted and created again starts without TTL', async t => {
  const e = await engine()
  t.after(() => e.close())
  await e.ddb.send(new CreateTableCommand(tableRequest('Reborn')))
  await e.ddb.send(new UpdateTimeToLiveCommand({ TableName: 'Reborn', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } }))
  await e.ddb.send(new DeleteTableCommand({ TableName: 'Reborn' }))
  await e.ddb.send(new CreateTableCommand(tableRequest('Reborn')))
  const described = await e.ddb.send(new DescribeTimeToLiveCommand({ TableName: 'Reborn' }))
  assert.deepEqual(described.TimeToLiveDescription, { TimeToLiveStatus: 'DISABLED' })
})
