# /sequencers：所有排序器，或单个排序器的详情；以及输入的名称指的是哪个排序器。

sequencers-no-match = 没有与“{ $query }”匹配的排序器。排序器：{ $sequencers }
sequencers-several = “{ $query }”匹配 { $number } 个排序器：{ $sequencers }。请输入编号。
