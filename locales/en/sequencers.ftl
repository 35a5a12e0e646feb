# /sequencers: every sequencer, or one in detail; and which sequencer a typed name means.

sequencers-no-match = No sequencer matches "{ $query }". Sequencers: { $sequencers }
sequencers-several = "{ $query }" matches { $number } sequencers: { $sequencers }. Give the id.
