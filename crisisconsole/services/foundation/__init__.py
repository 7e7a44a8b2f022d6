"""The foundation services: the context every call gets, the change feed, access gates, the audit
chain and its anchors, crises, profiles and their secrets, the cards key, signing in and
unlocking, backups and the setting facts."""
