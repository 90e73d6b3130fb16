package cli

// settingKeys are the keys `tend config` knows, in the order it shows them.
func settingKeys() []string {
	return []string{"day-start", "backups", "backups-keep", "backups-dir", "sound", "notify", "remind-at"}
}
