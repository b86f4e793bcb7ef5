"""The only code that talks to Shopify: the shopifyapp package configured for this app, the HTTP
client (pointed at the dev store simulator in development), tokens, and the Admin GraphQL client."""
