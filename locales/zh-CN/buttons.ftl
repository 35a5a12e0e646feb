# 回复下方的按钮和菜单，以及各平台自己的句子。

# 机器人旧版本发出的按钮。
button-stale = 这个按钮来自机器人的旧版本，已经失效。请重新发送命令。
# 不是机器人写出的数据（伪造或损坏的按钮）。
button-invalid = 这个按钮无法使用。请直接输入命令。
# 控制台把回复的按钮打印成它们运行的命令。
button-console-line = 按钮：{ $buttons }
# Discord：没有“管理频道”权限的成员发出设置命令。$channel：“#名称”或 button-this-channel。
button-manage-channels = /{ $command } 会更改 { $channel } 收到的内容，需要该频道的“管理频道”权限，而你没有这个权限。
button-this-channel = 本频道
