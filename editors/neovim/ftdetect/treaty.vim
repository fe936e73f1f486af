" .treaty files are TreatyDsl treaty rules.
autocmd BufRead,BufNewFile *.treaty setfiletype treaty
