// Query parameters that only track the reader: one list for canonical URLs and for every link
// the sanitizers write, so an article's links and its identity agree on what a tracker is.

/** Query parameters that only identify a campaign, a click or a share, never the page. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set(
  // Ad and social click ids.
  (
    'fbclid gclid gclsrc dclid gbraid wbraid msclkid yclid ysclid twclid ttclid li_fat_id ' +
    'igshid igsh epik rb_clickid srsltid ' +
    // Analytics, e-mail and share campaigns.
    '_ga _gl _hsenc _hsmi _openstat mc_cid mc_eid mkt_tok vero_conv vero_id oly_anon_id ' +
    'oly_enc_id wickedid ml_subscriber ml_subscriber_hash s_cid cmpid cmp ncid ocid icid intcmp ' +
    'xtor wt.mc_id wt.mc_ev sr_share soc_src soc_trk smid smtyp spm trk trkcampaign guccounter ' +
    'guce_referrer guce_referrer_sig ref_src ref_url fb_action_ids fb_action_types fb_ref ' +
    'fb_source action_object_map action_type_map action_ref_map __twitter_impression mbid cvid'
  ).split(' '),
);

/** Prefixes of tracking parameter families: Google, Matomo, Piwik, AT Internet (BBC), HubSpot. */
export const TRACKING_PARAM_PREFIXES: readonly string[] = [
  'utm_',
  'mtm_',
  'matomo_',
  'pk_',
  'at_',
  'hsa_',
];

/** Whether a query parameter (by name) only tracks a click, a campaign or a share. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PARAM_PREFIXES.some((p) => key.startsWith(p));
}
