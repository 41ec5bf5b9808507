/// The OpenAPI 3.1 description of /api/v1, written by hand as the contract clients rely on; `OpenAPIDocumentTests`
/// fails when it and the router disagree on any path or method.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Zonal team server API",
        "version": "1.0.0",
        "description": "IEC 62443 zone & conduit models with versions, approvals (ZCR 7) and a tamper-evident audit trail. Authenticate with 'Authorization: Bearer <token>' (create one with POST /api/v1/tokens from a signed-in session). Every error is JSON {\"error\": {\"code\", \"message\"}} with a stable code."
      },
      "servers": [{ "url": "http://127.0.0.1:8080" }],
      "security": [{ "bearer": [] }],
      "paths": {
        "/api/v1/openapi.json": { "get": { "summary": "This document", "security": [], "responses": { "200": { "description": "OpenAPI 3.1 JSON" } } } },
        "/api/v1/me": { "get": { "summary": "The authenticated user", "responses": { "200": { "$ref": "#/components/responses/User" }, "401": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/tokens": { "post": { "summary": "Create a bearer token for yourself (the secret is returned once)", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["name", "scopes"], "properties": { "name": { "type": "string" }, "scopes": { "type": "array", "items": { "enum": ["read", "write"] } } } } } } }, "responses": { "201": { "description": "The token, with its secret" }, "400": { "$ref": "#/components/responses/Error" }, "401": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/projects": {
          "get": { "summary": "Projects you are a member of (auditors: all)", "responses": { "200": { "description": "Projects" }, "401": { "$ref": "#/components/responses/Error" }, "403": { "$ref": "#/components/responses/Error" } } },
          "post": { "summary": "Create a project (admin)", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } } } } }, "responses": { "201": { "description": "The project" }, "403": { "$ref": "#/components/responses/Error" }, "409": { "$ref": "#/components/responses/Error" } } }
        },
        "/api/v1/projects/{project}/members": { "parameters": [{ "$ref": "#/components/parameters/project" }], "post": { "summary": "Add a member (admin)", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["userID"], "properties": { "userID": { "type": "integer" } } } } } }, "responses": { "201": { "description": "The membership" }, "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/projects/{project}/models": { "parameters": [{ "$ref": "#/components/parameters/project" }], "get": { "summary": "Latest version of every model", "responses": { "200": { "description": "Versions with approval state" }, "403": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/projects/{project}/models/{model}/versions": {
          "parameters": [{ "$ref": "#/components/parameters/project" }, { "name": "model", "in": "path", "required": true, "schema": { "type": "string" } }],
          "get": { "summary": "Every version of a model", "responses": { "200": { "description": "Versions" }, "403": { "$ref": "#/components/responses/Error" } } },
          "post": { "summary": "Save a new version (engineer). baseVersionID names the version the edit started from; a stale one gets 409 stale-base and nothing is stored.", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["content", "comment"], "properties": { "content": { "type": "string" }, "comment": { "type": "string" }, "baseVersionID": { "type": ["integer", "null"] } } } } } }, "responses": { "201": { "description": "The new version" }, "403": { "$ref": "#/components/responses/Error" }, "409": { "$ref": "#/components/responses/Error" }, "413": { "$ref": "#/components/responses/Error" } } }
        },
        "/api/v1/versions/{version}": { "parameters": [{ "$ref": "#/components/parameters/version" }], "get": { "summary": "A version with its content", "responses": { "200": { "description": "Version" }, "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/versions/{version}/findings": { "parameters": [{ "$ref": "#/components/parameters/version" }], "get": { "summary": "The analysis of a version (the same JSON as `zonal check --format json`)", "responses": { "200": { "description": "Assessment" }, "403": { "$ref": "#/components/responses/Error" }, "422": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/versions/{version}/diff": { "parameters": [{ "$ref": "#/components/parameters/version" }], "get": { "summary": "What changed from another version of the same model (the same JSON as `zonal diff --format json`)", "parameters": [{ "name": "against", "in": "query", "schema": { "type": "integer" }, "description": "the older version's id; default: the previous version" }], "responses": { "200": { "description": "Model diff" }, "400": { "$ref": "#/components/responses/Error" }, "403": { "$ref": "#/components/responses/Error" }, "422": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/versions/{version}/submit": { "parameters": [{ "$ref": "#/components/parameters/version" }], "post": { "summary": "Submit for approval (assessor)", "responses": { "200": { "description": "The approval record" }, "403": { "$ref": "#/components/responses/Error" }, "409": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/versions/{version}/decision": { "parameters": [{ "$ref": "#/components/parameters/version" }], "post": { "summary": "Approve or reject (approver; not the author or submitter). contentHash must be the version's.", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["decision", "contentHash", "comment"], "properties": { "decision": { "enum": ["approve", "reject"] }, "contentHash": { "type": "string" }, "comment": { "type": "string" } } } } } }, "responses": { "200": { "description": "The approval record" }, "403": { "$ref": "#/components/responses/Error" }, "409": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/audit/entries": { "get": { "summary": "Audit entries after a seq (auditor)", "parameters": [{ "name": "after", "in": "query", "schema": { "type": "integer" } }, { "name": "limit", "in": "query", "schema": { "type": "integer", "maximum": 1000 } }], "responses": { "200": { "description": "Entries" }, "403": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/audit/verify": { "post": { "summary": "Verify the audit trail (auditor); the run is recorded", "responses": { "200": { "description": "Verification report" }, "403": { "$ref": "#/components/responses/Error" } } } },
        "/api/v1/users": {
          "get": { "summary": "Users (admin)", "responses": { "200": { "description": "Users" }, "403": { "$ref": "#/components/responses/Error" } } },
          "post": { "summary": "Create a user (admin)", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["name", "role", "password"], "properties": { "name": { "type": "string" }, "role": { "$ref": "#/components/schemas/Role" }, "password": { "type": "string", "minLength": 8 } } } } } }, "responses": { "201": { "$ref": "#/components/responses/User" }, "400": { "$ref": "#/components/responses/Error" }, "403": { "$ref": "#/components/responses/Error" }, "409": { "$ref": "#/components/responses/Error" } } }
        },
        "/api/v1/users/{user}/role": { "parameters": [{ "name": "user", "in": "path", "required": true, "schema": { "type": "integer" } }], "put": { "summary": "Change a user's role (admin)", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["role"], "properties": { "role": { "$ref": "#/components/schemas/Role" } } } } } }, "responses": { "200": { "$ref": "#/components/responses/User" }, "403": { "$ref": "#/components/responses/Error" }, "404": { "$ref": "#/components/responses/Error" } } } }
      },
      "components": {
        "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
        "parameters": {
          "project": { "name": "project", "in": "path", "required": true, "schema": { "type": "integer" } },
          "version": { "name": "version", "in": "path", "required": true, "schema": { "type": "integer" } }
        },
        "schemas": {
          "Role": { "enum": ["viewer", "engineer", "assessor", "approver", "auditor", "admin"] },
          "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": { "code": { "enum": ["bad-request", "unauthenticated", "forbidden", "csrf", "not-found", "too-large", "rate-limited", "duplicate", "stale-base", "four-eyes", "invalid-state", "invalid-model", "store-unavailable"] }, "message": { "type": "string" } } } } }
        },
        "responses": {
          "Error": { "description": "An error with a stable code", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "User": { "description": "A user (never the password hash)", "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "integer" }, "name": { "type": "string" }, "role": { "$ref": "#/components/schemas/Role" }, "locked": { "type": "boolean" } } } } } }
        }
      }
    }
    """#
}
