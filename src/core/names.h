// An enum and the words it is stored and reported as, in one table per enum:
// a new value is one row, and no name depends on the order of the enum's
// values. Unknown words are the caller's to keep (the history keeps a record
// whose outcome it does not know verbatim: core/history/history.h).
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace unfurl::core {

template <typename E>
struct Named {
  E value;
  std::string_view name;
};

template <typename E, std::size_t N>
constexpr std::string_view name_in(const Named<E> (&table)[N], E value) {
  for (const Named<E>& row : table)
    if (row.value == value) return row.name;
  return {};
}

template <typename E, std::size_t N>
constexpr std::optional<E> value_in(const Named<E> (&table)[N], std::string_view name) {
  for (const Named<E>& row : table)
    if (row.name == name) return row.value;
  return std::nullopt;
}

}  // namespace unfurl::core
