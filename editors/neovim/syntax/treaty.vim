" Colours for TreatyDsl .treaty files, the same classes of token as the VS Code grammar
" (editors/vscode/syntaxes/treaty.tmLanguage.json): comments, citations, text, keywords, declared names, dates,
" durations, numbers, country codes and diagnostic ids.
if exists('b:current_syntax') | finish | endif

syntax iskeyword @,48-57,_,-,.
syntax keyword treatyDeclaration vocabulary enum record fact derive instrument baseline threshold override require bar review exception countries country territory usage advisories advisory example
syntax keyword treatyKeyword accept against all and any before case cite columns effective either expect expected for force from given in includes kind label like list nonempty not note of only or parties period practice prefers required title to unbounded unless weighs when
syntax keyword treatyBoolean true false
syntax match treatyComment "//.*$" contains=@Spell
syntax region treatyCitation matchgroup=treatyKeyword start=/\<cite\s\+"/ skip=/\\"/ end=/"\|$/ contains=treatyEscape
syntax region treatyString start=/"/ skip=/\\"/ end=/"\|$/ contains=treatyEscape
syntax match treatyEscape /\\./ contained
syntax match treatyDate /\<\d\{4}-\d\{2}-\d\{2}\>/
syntax match treatyDuration /\<\d\+\s\+\(years\?\|months\?\|weeks\?\|days\?\)\>/
syntax match treatyNumber /\<\d\+\(\.\d\+\)\?\>/
syntax match treatyCountryCode /\<[A-Z]\{2}\>/
syntax match treatyDiagnosticId /\<TDSL\d\{4}\>/
syntax match treatyOperator /<=\|>=\|!=\|=\|<\|>/
syntax match treatyDeclaredName /\(^\(override\s\+\)\?\(instrument\|baseline\|threshold\|require\|bar\|review\|exception\|fact\|derive\|enum\|record\|advisories\|advisory\|example\)\s\+\)\@<=[A-Za-z_][A-Za-z0-9_.-]*/

highlight default link treatyDeclaration Statement
highlight default link treatyKeyword Keyword
highlight default link treatyBoolean Boolean
highlight default link treatyComment Comment
highlight default link treatyCitation Special
highlight default link treatyString String
highlight default link treatyEscape SpecialChar
highlight default link treatyDate Constant
highlight default link treatyDuration Number
highlight default link treatyNumber Number
highlight default link treatyCountryCode Constant
highlight default link treatyDiagnosticId Tag
highlight default link treatyOperator Operator
highlight default link treatyDeclaredName Function

let b:current_syntax = 'treaty'
