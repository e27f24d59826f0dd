import { SimpleShardingStrategy, type WebSocketOptions } from 'discord.js';

/**
 * Gateway options for the client. Normally the gateway URL comes from `GET /gateway/bot` of the
 * REST API base (Discord's, or a local simulator's). When `url` is given it replaces the URL in that
 * answer; shard count and session limits still come from the API.
 */
export function gatewayOptions(url: string | undefined): WebSocketOptions {
  if (!url) return {};
  return {
    buildStrategy(manager) {
      const fetchInfo = manager.fetchGatewayInformation.bind(manager);
      manager.fetchGatewayInformation = async (force?: boolean) => ({ ...(await fetchInfo(force)), url });
      return new SimpleShardingStrategy(manager);
    },
  };
}
