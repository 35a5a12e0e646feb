# /start 和 /help。

start-title = Metis 收益机器人
start-about = 我关注 Metis 排序器挖矿奖励，以及建立在其上的流动性质押代币、金库和流动性池：APY、脱锚，以及基础锁仓的 METIS 之上叠加了多少杠杆。
help-title = 命令
help-item = {" "}— { $description }
help-note = 数据均由链上读取计算，并注明数据时长。仅为预测，并非承诺。

# /start 与 /help 下方的主菜单：机器人提供的每项功能各一个按钮。“语言”用两种语言写出，
# 这样设成看不懂的语言的聊天也能找到切换的按钮。
menu-yields = 收益
menu-leverage = 杠杆
menu-sequencers = 排序器
menu-charts = 图表
menu-simulate = 模拟
menu-subscribe = 订阅
menu-alerts = 预警
menu-status = 状态
menu-language = 语言 · Language
