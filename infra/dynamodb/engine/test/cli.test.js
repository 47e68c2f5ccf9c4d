'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')
const readline = require('readline')
const { spawn } = require('child_process')
const { credentials } = require('./helpers')
const {
  DynamoDBClient, CreateTableCommand, PutItemCommand, GetItemCommand, QueryCommand, TransactWriteItemsCommand,
  UpdateTimeToLiveCommand, DescribeTimeToLiveCommand, DescribeTableCommand,
} = require('@aws-sdk/client-dynamodb')
const {
  DynamoDBStreamsClient, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand,
} = require('@aws-sdk/client-dynamodb-streams')

const CLI = path.join(__dirname, '..', 'bin', 'redgrid-dynamodb.js')
const S = s => ({ S: s })

/** Starts the CLI; resolves once its ready line is out, with the URL it names. */
function launch (args) {
  const child = spawn(process.execPath, [ CLI, ...args ], { stdio: [ 'pipe', 'pipe', 'pipe' ] })
  const lines = []
  let stderr = ''
  child.stderr.on('data', d => { stderr += d })
  const out = readline.createInterface({ input: child.stdout })
  const ready = new Promise((resolve, reject) => {
    out.on('line', line => {
      lines.push(line)
      if (lines.length === 1) resolve(line)
    })
    child.on('exit', code => reject(new Error('exited ' + code + ': ' + stderr)))
  })
  const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })))
  return ready.then(line => {
    const match = /^redgrid-dynamodb listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line)
    assert.ok(match, 'ready line: ' + line)
    const config = { endpoint: match[1], region: 'us-east-1', credentials, maxAttempts: 1 }
    return {
      child, lines, exited, port: Number(match[2]), stderr: () => stderr,
      ddb: new DynamoDBClient(config), streams: new DynamoDBStreamsClient(config),
    }
  })
}

async function streamRecords (p, tableName) {
  const arn = (await p.ddb.send(new DescribeTableCommand({ TableName: tableName }))).Table.LatestStreamArn
  const shard = (await p.streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription.Shards[0]
  const iterator = (await p.streams.send(new GetShardIteratorCommand({
    StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON',
  }))).ShardIterator
  return (await p.streams.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records
}

test('CLI: persisted on a folder, a killed process loses nothing acknowledged', async t => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redgrid-dynamodb-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))

  const first = await launch([ '--port', '0', '--path', dir ])
  t.after(() => first.child.kill('SIGKILL'))
  await first.ddb.send(new CreateTableCommand({
    TableName: 'Orders', BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [ { AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'status', AttributeType: 'S' } ],
    KeySchema: [ { AttributeName: 'pk', KeyType: 'HASH' } ],
    GlobalSecondaryIndexes: [ { IndexName: 'byStatus', KeySchema: [ { AttributeName: 'status', KeyType: 'HASH' } ], Projection: { ProjectionType: 'ALL' } } ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  }))
  await first.ddb.send(new UpdateTimeToLiveCommand({ TableName: 'Orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } }))
  await first.ddb.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: S('o1'), status: S('open') } }))
  await first.ddb.send(new TransactWriteItemsCommand({ TransactItems: [
    { Put: { TableName: 'Orders', Item: { pk: S('o2'), status: S('open') } } },
    { Update: { TableName: 'Orders', Key: { pk: S('o1') }, UpdateExpression: 'SET #s = :paid', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':paid': S('paid') } } },
  ] }))
  const before = await streamRecords(first, 'Orders')
  first.child.kill('SIGKILL')
  await first.exited
  assert.deepEqual(first.lines.length, 1, 'one line on stdout')
  assert.equal(first.stderr(), '', 'quiet by default')

  const second = await launch([ '--port', '0', '--path', dir, '--exit-with-stdin' ])
  t.after(() => second.child.kill('SIGKILL'))
  const item = pk => second.ddb.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: S(pk) } })).then(r => r.Item)
  assert.deepEqual(await item('o1'), { pk: S('o1'), status: S('paid') })
  assert.deepEqual(await item('o2'), { pk: S('o2'), status: S('open') })
  const open = await second.ddb.send(new QueryCommand({ TableName: 'Orders', IndexName: 'byStatus', KeyConditionExpression: '#s = :o', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':o': S('open') } }))
  assert.deepEqual(open.Items.map(i => i.pk.S), [ 'o2' ])
  const ttl = await second.ddb.send(new DescribeTimeToLiveCommand({ TableName: 'Orders' }))
  assert.deepEqual(ttl.TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' })

  await second.ddb.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: S('o3'), status: S('open') } }))
  const after = await streamRecords(second, 'Orders')
  assert.deepEqual(after.slice(0, before.length), before)
  assert.deepEqual(after.map(r => r.eventName + ' ' + r.dynamodb.Keys.pk.S), [ 'INSERT o1', 'INSERT o2', 'MODIFY o1', 'INSERT o3' ])
  assert.ok(BigInt(after[3].dynamodb.SequenceNumber) > BigInt(after[2].dynamodb.SequenceNumber))

  second.child.stdin.end()
  assert.deepEqual(await second.exited, { code: 0, signal: null })
  for (const p of [ first, second ]) { p.ddb.destroy(); p.streams.destroy() }
})

test('CLI: rejects a missing --port', async () => {
  const child = spawn(process.execPath, [ CLI ], { stdio: [ 'ignore', 'pipe', 'pipe' ] })
  let stdout = ''
  child.stdout.on('data', d => { stdout += d })
  const code = await new Promise(resolve => child.on('exit', resolve))
  assert.equal(code, 2)
  assert.equal(stdout, '')
})
