export { LoadingList as default } from "@/components/ui/loading-list";
