# Mistakes in what a user typed, the usage and command lines after them, the rate limit and the failure reply.
# What the user typed ($value, $option, $command) comes already made safe to quote.

# Between the values of a list: "a, b, c".
usage-list-separator = {", "}
usage-unknown-command = Unknown command { $command }.
# $meant is usage-did-you-mean or nothing; $choices the known values, "a, b, c".
usage-unknown-choice = Unknown { $option } "{ $value }".{ $meant } Known: { $choices }.
usage-did-you-mean = {" "}Did you mean { $meant }?
# $example is usage-for-example or nothing.
usage-not-a-number = { $option } must be a number, not "{ $value }"{ $example }.
usage-for-example = {" "}(e.g. { $expected })
usage-out-of-range = { $option } must be between { $min } and { $max }, not { $value }.
# A range with an open end: $range from the usage-range-* messages.
usage-out-of-bounds = { $option } must be { $range }, not { $value }.
usage-range-above = greater than { $min }
usage-range-from = at least { $min }
usage-range-below = less than { $max }
usage-range-to = at most { $max }
usage-range-both = { $low } and { $high }
usage-missing-argument = { $option } is missing.
usage-too-many-arguments = Unexpected "{ $value }".
usage-unknown-option = Unknown option "{ $option }".
usage-too-long = That message is too long for a command ({ $length } characters; at most { $max }).
# $expected is usage-expected or nothing.
usage-invalid-value = { $option } "{ $value }" is not valid{ $expected }.
usage-expected = : expected { $expected }
# $expected: each open option with what it takes, "duration (12h, …), mode (hold, loop)".
usage-no-matching-option = "{ $value }" fits no option; expected one of: { $expected }.
usage-candidate = { $option } ({ $takes })
usage-a-number = a number

# After the mistake: how to use the command, or the commands there are.
usage-line = Usage: { $usage }
usage-commands = Commands: { $commands }

# The command gate: $limit commands a minute, $wait as 13s.
usage-rate-limited = You are sending commands faster than I answer them (at most { $limit } a minute). Please try again in { $wait }.

# A command that failed unexpectedly; $ref is shown in code style.
usage-failure = Something went wrong answering that; it has been logged with the reference { $ref }.
