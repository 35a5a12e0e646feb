# Buttons and menus under replies, and the platforms' own sentences.

# A button sent by an earlier version of the bot.
button-stale = This button is from an earlier version of the bot and no longer works. Please send the command again.
# Data the bot did not write (a forged or damaged button).
button-invalid = This button does not work. Please type the command instead.
# The console prints a reply's buttons as the commands they run.
button-console-line = Buttons: { $buttons }
# Discord: a settings command from a member without Manage Channels. $channel: "#name", or button-this-channel.
button-manage-channels = /{ $command } changes what { $channel } receives, so it needs the Manage Channels permission there, which you do not have.
button-this-channel = this channel
