#pragma once

#include <QString>

#include <optional>

namespace fermata::DurationText {

// "45 min", "2 h", "1 h 30 min".
QString format(int minutes);
// Reads what people type for a duration: "90", "45m", "2h", "1h30", "1 h 30 min", "1.5h",
// "1:30". Returns minutes, or nothing when the text is not a duration.
std::optional<int> parse(const QString &text);

} // namespace fermata::DurationText
