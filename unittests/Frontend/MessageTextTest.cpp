//===- MessageTextTest.cpp - Headers of message text files (.mc) ----------===//
// SPDX-License-Identifier: Apache-2.0
//
// The values are what the documented layout gives: severity << 30 |
// facility << 16 | id; a wrong one would make a driver's own
// `#if MSG_X != ...` or switch over codes take another branch.
//===----------------------------------------------------------------------===//

#include "MessageText.h"
#include "gmock/gmock.h"

using namespace ndisv;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

TEST(MessageText, CommentsSymbolsAndCodes) {
  std::string H = messageHeader(
      ";#ifndef DRVLOG_H\n"
      ";#define DRVLOG_H\n"
      "MessageIdTypedef=NDIS_ERROR_CODE\n"
      "SeverityNames=(Success=0x0:STATUS_SEVERITY_SUCCESS\n"
      "               Error=0x3:STATUS_SEVERITY_ERROR\n"
      ")\n"
      "FacilityNames=(System=0x0 Io=0x4:FACILITY_IO_ERROR_CODE)\n"
      "LanguageNames=(English=0x409:MSG00409)\n"
      "\n"
      "MessageId=0x1\nSeverity=Error\nFacility=Io\nSymbolicName=DRV_MSG_NO_MEMORY\n"
      "Language=English\nOut of memory: Severity=Success is only text.\n.\n"
      "MessageId=\nSymbolicName=DRV_MSG_NEXT\nLanguage=English\nNext.\n.\n"
      "MessageId=+0x10 Severity=Success SymbolicName=DRV_MSG_JUMP\nLanguage=English\nJ.\n.\n"
      "MessageId=7\nFacility=System\nSymbolicName=DRV_MSG_SYSTEM\nLanguage=English\nS.\n.\n"
      ";#endif\n");
  EXPECT_THAT(H, HasSubstr("#ifndef DRVLOG_H\n#define DRVLOG_H\n"));
  EXPECT_THAT(H, HasSubstr("#define STATUS_SEVERITY_ERROR 0x3\n"));
  EXPECT_THAT(H, HasSubstr("#define FACILITY_IO_ERROR_CODE 0x4\n"));
  EXPECT_THAT(H, HasSubstr("#define DRV_MSG_NO_MEMORY ((NDIS_ERROR_CODE)0xC0040001L)\n"));
  EXPECT_THAT(H, HasSubstr("#define DRV_MSG_NEXT ((NDIS_ERROR_CODE)0xC0040002L)\n"));
  EXPECT_THAT(H, HasSubstr("#define DRV_MSG_JUMP ((NDIS_ERROR_CODE)0x00040012L)\n"));
  EXPECT_THAT(H, HasSubstr("#define DRV_MSG_SYSTEM ((NDIS_ERROR_CODE)0x00000007L)\n"));
  EXPECT_THAT(H, HasSubstr("#endif\n"));
  EXPECT_THAT(H, Not(HasSubstr("Out of memory")));
}

TEST(MessageText, DefaultsWithoutHeader) {
  // No typedef: no cast. Default severities and facilities.
  std::string H = messageHeader("MessageId=5\nSeverity=Warning\nFacility=Application\n"
                                "SymbolicName=APP_WARN\nLanguage=English\nW.\n.\n"
                                "MessageId=\nSymbolicName=APP_WARN2\nLanguage=English\nW.\n.\n");
  EXPECT_THAT(H, HasSubstr("#define APP_WARN 0x8FFF0005L\n"));
  EXPECT_THAT(H, HasSubstr("#define APP_WARN2 0x8FFF0006L\n"));
}

TEST(MessageText, MalformedInputGivesAHeaderAnyway) {
  // Unclosed lists, stray '=', text never ended: no crash, what is there.
  EXPECT_EQ(messageHeader("SeverityNames=(Bad\n=\n= =\nMessageId=(\n"), "");
  EXPECT_EQ(messageHeader("MessageId=1\nSymbolicName=X\nLanguage=English\nno end"),
            "#define X 0x00000001L\n");
}

} // namespace
