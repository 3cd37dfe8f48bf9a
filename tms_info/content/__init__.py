"""The pure core: content loading, rendering to HTML and link handling. Never imports Qt."""
