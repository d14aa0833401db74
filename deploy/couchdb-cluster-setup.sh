#!/bin/sh
# Join couchdb1..3 into one cluster through CouchDB's /_cluster_setup API.
# Safe to run again: a finished cluster answers "already finished".
set -eu
AUTH="admin:${COUCHDB_PASSWORD}"
COORDINATOR="http://couchdb1.prossima:5984"
post() { curl -fsS -u "$AUTH" -H 'Content-Type: application/json' -X POST "$COORDINATOR/_cluster_setup" -d "$1" || true; echo; }

post '{"action":"enable_cluster","bind_address":"0.0.0.0","username":"admin","password":"'"$COUCHDB_PASSWORD"'","node_count":"3"}'
for node in couchdb2.prossima couchdb3.prossima; do
  post '{"action":"enable_cluster","bind_address":"0.0.0.0","username":"admin","password":"'"$COUCHDB_PASSWORD"'","port":5984,"node_count":"3","remote_node":"'"$node"'","remote_current_user":"admin","remote_current_password":"'"$COUCHDB_PASSWORD"'"}'
  post '{"action":"add_node","host":"'"$node"'","port":5984,"username":"admin","password":"'"$COUCHDB_PASSWORD"'"}'
done
post '{"action":"finish_cluster"}'
curl -fsS -u "$AUTH" "$COORDINATOR/_membership"
