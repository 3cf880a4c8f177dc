import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Hydrated } from "@/components/hydrated";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = { title: "PostHog projects · hogkit Next.js example" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <header>
            <h1>
              <Link href="/">PostHog projects</Link>
            </h1>
          </header>
          <main>{children}</main>
          <Hydrated />
        </Providers>
      </body>
    </html>
  );
}
