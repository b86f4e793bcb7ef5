/** A card that is a named region: its heading names it (screen readers can jump between them). */
import { BlockStack, Card, Text } from "@shopify/polaris";
import { useId, type ReactNode } from "react";

export function TitledCard({ title, level = 2, children }: { title: string; level?: 2 | 3; children: ReactNode }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <Card>
        <BlockStack gap="300">
          <Text as={level === 2 ? "h2" : "h3"} variant={level === 2 ? "headingMd" : "headingSm"} id={titleId}>
            {title}
          </Text>
          {children}
        </BlockStack>
      </Card>
    </section>
  );
}
