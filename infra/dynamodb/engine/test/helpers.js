'use strict'

// Node 20 is what the project runs; the SDK's notice about its future Node 22 requirement is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const { DynamoDBClient } = require('@aws-sdk/client-dynamodb')
const { DynamoDBStreamsClient } = require('@aws-sdk/client-dynamodb-streams')
const { start } = require('../lib/engine')

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }

/** Starts an engine in this process (in memory unless a path is given) with SDK clients pointed at it. */
async function engine (options = {}) {
  const e = await start({ port: 0, ttlIntervalMs: 3600000, ...options })
  const config = { endpoint: e.url, region: 'us-east-1', credentials, maxAttempts: 1 }
  e.ddb = new DynamoDBClient(config)
  e.streams = new DynamoDBStreamsClient(config)
  const close = e.close
  e.close = () => { e.ddb.destroy(); e.streams.destroy(); return close() }
  return e
}

function tableRequest (name, extra = {}) {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [ { AttributeName: 'pk', AttributeType: 'S' } ],
    KeySchema: [ { AttributeName: 'pk', KeyType: 'HASH' } ],
    ...extra,
  }
}

module.exports = { engine, tableRequest, credentials }
