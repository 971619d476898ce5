//! Spreadsheet import (`baocao import`): being written.
