// Tests on eight bytes of text at once (SWAR: a 64-bit word as eight lanes),
// for the loops that run over every byte of an article: lower-casing, word
// splitting, looking for quote marks. Private to the library.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace crosscheck::ascii_blocks {

static_assert(std::endian::native == std::endian::little, "the first byte in memory is the lowest lane");

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

/// The eight bytes at `p`.
inline std::uint64_t load(const char* p) {
  std::uint64_t block;
  std::memcpy(&block, p, 8);
  return block;
}

/// Whether any byte of `block` is 0x80 or more (not ASCII).
inline bool has_high_byte(std::uint64_t block) { return (block & kHighs) != 0; }

/// Whether some byte of `block` is `byte`.
inline bool has_byte(std::uint64_t block, unsigned char byte) {
  const std::uint64_t x = block ^ (kOnes * byte);  // that byte's lanes become zero
  return ((x - kOnes) & ~x & kHighs) != 0;
}

/// The high bit of each lane whose byte is ASCII and in [low, high]. The
/// sums are taken over the low seven bits of each lane, which cannot carry
/// into the next lane; a byte of 0x80 or more is then left out.
inline std::uint64_t lanes_in_range(std::uint64_t block, unsigned char low, unsigned char high) {
  const std::uint64_t seven_bits = block & ~kHighs;
  const std::uint64_t at_least_low = seven_bits + kOnes * (0x80 - low);
  const std::uint64_t above_high = seven_bits + kOnes * (0x7F - high);
  return at_least_low & ~above_high & ~block & kHighs;
}

/// How many lanes, from the first byte in memory, are set in `lanes` (a
/// mask of high bits) before the first that is not.
inline std::size_t leading_lanes(std::uint64_t lanes) {
  const std::uint64_t unset = ~lanes & kHighs;
  return unset == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(unset)) / 8;
}

/// High bits of the lanes that are ASCII letters.
inline std::uint64_t letter_lanes(std::uint64_t block) {
  // 'A'..'Z' | 0x20 is 'a'..'z'; nothing else ASCII lands there.
  return lanes_in_range(block | (kOnes * 0x20), 'a', 'z');
}

/// High bits of the lanes that are ASCII letters or digits.
inline std::uint64_t alphanumeric_lanes(std::uint64_t block) {
  return letter_lanes(block) | lanes_in_range(block, '0', '9');
}

/// `block` with its ASCII capitals lower-cased and every other byte kept.
inline std::uint64_t lower_case(std::uint64_t block) {
  const std::uint64_t capitals = lanes_in_range(block, 'A', 'Z');  // 0x80 in each capital's lane
  return block | (capitals >> 2);                                  // 0x20 into it
}

/// How many UTF-8 characters the `size` bytes at `p` start: every byte that
/// is not a continuation byte (10xxxxxx), eight at a time.
inline std::size_t character_count(const char* p, std::size_t size) {
  std::size_t count = 0, i = 0;
  for (; i + 8 <= size; i += 8) {
    const std::uint64_t block = load(p + i);
    const std::uint64_t continuation = block & ~(block << 1) & kHighs;  // bit 7 set, bit 6 clear
    // One bit per continuation lane, summed into the top byte by a multiply
    // (std::popcount is a library call on the baseline x86-64 target).
    count += 8 - static_cast<std::size_t>(((continuation >> 7) * kOnes) >> 56);
  }
  for (; i < size; ++i) count += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return count;
}

}  // namespace crosscheck::ascii_blocks
