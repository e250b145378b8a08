"""One small module per export format; `timeline.export.serialize` dispatches to them."""
