import { NotFoundPage } from '@/components/common/not-found-page';

export default function NotFound() {
  return <NotFoundPage />;
}
