"""Data turned into things people take away: charts, Excel and CSV tables, the status template, the Kvartalsrapport."""
