'use strict'

const db = require('dynalite/db')

/** An error in the shape dynalite's actions use: statusCode plus the JSON body DynamoDB sends. */
function errorOf (type, message, extra) {
  const err = new Error(message)
  err.statusCode = 400
  err.body = Object.assign({ __type: 'com.amazonaws.dynamodb.v20120810#' + type, message }, extra)
  return err
}

const validationError = db.validationError

module.exports = { errorOf, validationError }
