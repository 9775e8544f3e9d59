"""The demo database: realistic regions, agreements, accounts and quarters of status history."""
