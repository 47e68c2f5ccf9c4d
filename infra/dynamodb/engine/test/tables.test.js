'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const {
  CreateTableCommand, DescribeTableCommand, PutItemCommand, QueryCommand, UpdateTableCommand, DeleteTableCommand,
  ListTablesCommand,
} = require('@aws-sdk/client-dynamodb')
const { engine, tableRequest } = require('./helpers')

const S = s => ({ S: s })

test('tables', async t => {
  const e = await engine()
  t.after(() => e.close())

  await t.test('CreateTable returns an ACTIVE table; creating it again is ResourceInUseException', async () => {
    const created = await e.ddb.send(new CreateTableCommand(tableRequest('People')))
    assert.equal(created.TableDescription.TableStatus, 'ACTIVE')
    assert.equal(created.TableDescription.LatestStreamArn, undefined)
    const again = await e.ddb.send(new CreateTableCommand(tableRequest('People'))).catch(x => x)
    assert.equal(again.name, 'ResourceInUseException')
    assert.equal(again.message, 'Table already exists: People')
  })

  await t.test('a global secondary index added later covers the items already there; deleting it empties it', async () => {
    await e.ddb.send(new PutItemCommand({ TableName: 'People', Item: { pk: S('p1'), grid: S('g1') } }))
    await e.ddb.send(new PutItemCommand({ TableName: 'People', Item: { pk: S('p2') } }))
    const updated = await e.ddb.send(new UpdateTableCommand({
      TableName: 'People',
      AttributeDefinitions: [ { AttributeName: 'grid', AttributeType: 'S' } ],
      GlobalSecondaryIndexUpdates: [ { Create: {
        IndexName: 'byGrid', KeySchema: [ { AttributeName: 'grid', KeyType: 'HASH' } ], Projection: { ProjectionType: 'KEYS_ONLY' },
      } } ],
    }))
    const index = updated.TableDescription.GlobalSecondaryIndexes.find(i => i.IndexName === 'byGrid')
    assert.equal(index.IndexStatus, 'ACTIVE')
    await e.ddb.send(new PutItemCommand({ TableName: 'People', Item: { pk: S('p3'), grid: S('g1'), name: S('x') } }))
    const byGrid = () => e.ddb.send(new QueryCommand({
      TableName: 'People', IndexName: 'byGrid', KeyConditionExpression: 'grid = :g', ExpressionAttributeValues: { ':g': S('g1') },
    }))
    assert.deepEqual((await byGrid()).Items.map(i => i.pk.S).sort(), [ 'p1', 'p3' ])
    assert.deepEqual((await byGrid()).Items[0].name, undefined)

    const wrongType = await e.ddb.send(new UpdateTableCommand({
      TableName: 'People',
      AttributeDefinitions: [ { AttributeName: 'grid', AttributeType: 'N' } ],
      GlobalSecondaryIndexUpdates: [ { Create: {
        IndexName: 'byGrid2', KeySchema: [ { AttributeName: 'grid', KeyType: 'HASH' } ], Projection: { ProjectionType: 'ALL' },
      } } ],
    })).catch(x => x)
    assert.equal(wrongType.name, 'ValidationException')

    await e.ddb.send(new UpdateTableCommand({ TableName: 'People', GlobalSecondaryIndexUpdates: [ { Delete: { IndexName: 'byGrid' } } ] }))
    const described = (await e.ddb.send(new DescribeTableCommand({ TableName: 'People' }))).Table
    assert.equal(described.GlobalSecondaryIndexes, undefined)
    const gone = await byGrid().catch(x => x)
    assert.equal(gone.name, 'ValidationException')
  })

  await t.test('DeleteTable removes the table and its items at once; a new table of that name starts empty', async () => {
    const deleted = await e.ddb.send(new DeleteTableCommand({ TableName: 'People' }))
    assert.equal(deleted.TableDescription.TableStatus, 'DELETING')
    assert.deepEqual((await e.ddb.send(new ListTablesCommand({}))).TableNames, [])
    await e.ddb.send(new CreateTableCommand(tableRequest('People')))
    const all = await e.ddb.send(new QueryCommand({
      TableName: 'People', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p1') },
    }))
    assert.equal(all.Count, 0)
  })
})
