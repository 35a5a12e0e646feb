# /status: each source's last good read and last error; each chain's RPC and head block.

status-title = Status
status-col-source = source
status-col-state = state
status-col-block = block
status-col-age = age
status-state-no-data = no data
status-state-stale = STALE
status-state-ok = ok
status-ago = { $age } ago
status-error = { $source }: { $error } ({ $ago })
status-last-errors = Last errors:
status-no-twap = { $source }: no { $window } TWAP ({ $why }); depeg alerts use spot
status-chain = { $name } ({ $id }): RPC { $rpc }, head { $head }
status-chain-read = {" "}read { $ago }
status-halted = ; no new block since { $since } ({ $length }): HALTED (haltAfter { $after })
status-chain-error = ; last error: { $error } ({ $ago })
status-last-cycle = Last poll cycle finished { $ago }.
status-no-cycle = No poll cycle has finished since the start.
