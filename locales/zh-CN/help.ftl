# /start 和 /help。

start-title = Metis 收益机器人
start-about = 我关注 Metis 排序器挖矿奖励，以及建立在其上的流动性质押代币、金库和流动性池：APY、脱锚，以及基础锁仓的 METIS 之上叠加了多少杠杆。
help-title = 命令
help-item = {" "}— { $description }
help-note = 数据均由链上读取计算，并注明数据时长。仅为预测，并非承诺。
