/** Sample API answers for the auto-responses screen's tests. */
import type { FaqEntry, FaqTestResult } from "./faqForm";
import type { ReplyTextKey } from "./replyTexts";

export const SHIPPING: FaqEntry = {
  id: "9007199254740993",
  language: "en",
  questions: ["Do you ship to Canada?", "shipping to canada"],
  answer: "Yes, we ship to Canada in 5-8 business days.",
  enabled: true,
  created_at: "2026-01-10T10:00:00Z",
  updated_at: "2026-01-10T10:00:00Z",
};

export const GIFT_WRAP: FaqEntry = {
  id: "9007199254740995",
  language: "",
  questions: ["Do you offer gift wrapping?"],
  answer: "Yes, choose gift wrap at checkout.",
  enabled: false,
  created_at: "2026-01-11T10:00:00Z",
  updated_at: "2026-01-11T10:00:00Z",
};

const text = (language: string, def: string, override: string | null = null) => ({
  language,
  default: def,
  override,
  updated_at: override === null ? null : "2026-02-01T10:00:00Z",
  updated_by: override === null ? null : "9007199254740993",
});

export const REPLY_TEXTS: ReplyTextKey[] = [
  {
    key: "hours.greeting",
    variables: ["shop_name"],
    texts: [
      text("en", "Hi there, welcome to {shop_name}! How can we help you today?", "Welcome to {shop_name}! Ask us anything."),
      text("de", "Hallo und willkommen bei {shop_name}! Wie können wir helfen?"),
    ],
  },
  {
    key: "hours.out_of_hours",
    variables: ["opening"],
    texts: [
      text("en", "Thanks for your message! We're away right now. Someone will reply {opening}."),
      text("de", "Danke für deine Nachricht! Wir sind gerade nicht da. Wir antworten {opening}."),
    ],
  },
  {
    key: "bot.handoff",
    variables: [],
    texts: [
      text("en", "Thanks for your message. I've passed it to our team."),
      text("de", "Danke für deine Nachricht. Ich habe sie an unser Team weitergegeben."),
    ],
  },
  {
    key: "wismo.order",
    variables: ["name"],
    texts: [text("en", "Order {name}"), text("de", "Bestellung {name}")],
  },
];

export const ANSWERED: FaqTestResult = {
  language: "en",
  intent: "shipping_info",
  outcome: "answered",
  match: {
    id: SHIPPING.id,
    question: "Do you ship to Canada?",
    answer: SHIPPING.answer,
    score: 0.857,
    runner_up: 0.2,
  },
  candidates: [
    { id: SHIPPING.id, question: "Do you ship to Canada?", score: 0.857 },
    { id: GIFT_WRAP.id, question: "Do you offer gift wrapping?", score: 0.2 },
  ],
  min_score: 0.7,
  min_margin: 0.15,
};
