# /lang：聊天的语言。

# 语言自己的名称，显示在按钮上。
lang-name = 中文
lang-current = 本聊天的语言：{ $language }。管理员可以用按钮或 /lang en、/lang zh 更改。
lang-set = 本聊天的回复、预警和摘要现在使用{ $language }。
